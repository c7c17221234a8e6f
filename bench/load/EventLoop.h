// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace Colleagues::Load {

//! Milliseconds on the monotonic clock since the first call.
double nowMs();

/*!
 * A single-threaded epoll loop with timers, for ten thousand sockets and more. Qt's own event
 * dispatcher polls every socket notifier on every iteration, so at 10,000 connections the load
 * tool would spend its time (and the machine's, shared with the server it measures) walking
 * idle sockets; epoll costs per ready socket instead.
 */
class EventLoop
{
public:
    //! Something with a file descriptor in the loop. handleEvents() gets the epoll events; a
    //! handler never removed from the loop must outlive it.
    class Handler
    {
    public:
        virtual ~Handler() = default;
        virtual void handleEvents(std::uint32_t events) = 0;
    };

    EventLoop();
    ~EventLoop();
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    //! Adds \a fd with \a events (EPOLLIN, EPOLLOUT); \a handler gets them. Returns a key for
    //! modify()/remove(): events of a descriptor removed meanwhile are never delivered, even
    //! when the kernel reuses its number at once.
    std::uint64_t add(int fd, Handler *handler, std::uint32_t events);
    void modify(std::uint64_t key, int fd, std::uint32_t events);
    void remove(std::uint64_t key, int fd);

    //! Calls \a callback once, \a delayMs from now, on the loop.
    void after(double delayMs, std::function<void()> callback);

    //! Runs until \a done returns true (checked after every round of events and timers).
    void runUntil(const std::function<bool()> &done);

private:
    struct Slot
    {
        Handler *handler = nullptr;
        std::uint32_t generation = 0;
    };
    struct Timer
    {
        double at;
        std::uint64_t order;
        std::function<void()> callback;
        bool operator>(const Timer &other) const { return at != other.at ? at > other.at : order > other.order; }
    };
    void runTimers();

    int m_epoll = -1;
    std::vector<Slot> m_slots; // by slot index; freed slots are reused
    std::vector<std::uint32_t> m_free;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> m_timers;
    std::uint64_t m_timerOrder = 0;
};

} // namespace Colleagues::Load
