// SPDX-License-Identifier: MIT
#include "bench/load/EventLoop.h"

#include <cerrno>
#include <cmath>
#include <ctime>
#include <stdexcept>
#include <sys/epoll.h>
#include <unistd.h>

namespace Colleagues::Load {

double nowMs()
{
    static const double start = [] {
        timespec t {};
        clock_gettime(CLOCK_MONOTONIC, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
    }();
    timespec t {};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6 - start;
}

EventLoop::EventLoop()
    : m_epoll(epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        throw std::runtime_error("epoll_create1 failed");
}

EventLoop::~EventLoop()
{
    ::close(m_epoll);
}

std::uint64_t EventLoop::add(int fd, Handler *handler, std::uint32_t events)
{
    std::uint32_t index = 0;
    if (!m_free.empty()) {
        index = m_free.back();
        m_free.pop_back();
    } else {
        index = std::uint32_t(m_slots.size());
        m_slots.push_back({});
    }
    Slot &slot = m_slots[index];
    slot.handler = handler;
    ++slot.generation;
    const std::uint64_t key = (std::uint64_t(slot.generation) << 32) | index;
    epoll_event event {};
    event.events = events;
    event.data.u64 = key;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    return key;
}

void EventLoop::modify(std::uint64_t key, int fd, std::uint32_t events)
{
    epoll_event event {};
    event.events = events;
    event.data.u64 = key;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
}

void EventLoop::remove(std::uint64_t key, int fd)
{
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    const auto index = std::uint32_t(key & 0xffffffffu);
    if (index < m_slots.size() && m_slots[index].generation == std::uint32_t(key >> 32)) {
        m_slots[index].handler = nullptr;
        ++m_slots[index].generation; // events already fetched for it are dropped
        m_free.push_back(index);
    }
}

void EventLoop::after(double delayMs, std::function<void()> callback)
{
    m_timers.push({nowMs() + delayMs, m_timerOrder++, std::move(callback)});
}

void EventLoop::runTimers()
{
    const double now = nowMs();
    while (!m_timers.empty() && m_timers.top().at <= now) {
        std::function<void()> callback = m_timers.top().callback;
        m_timers.pop();
        callback();
    }
}

void EventLoop::runUntil(const std::function<bool()> &done)
{
    constexpr int Batch = 512;
    epoll_event events[Batch];
    while (!done()) {
        int timeout = 100;
        if (!m_timers.empty())
            timeout = int(std::ceil(std::max(0.0, std::min(100.0, m_timers.top().at - nowMs()))));
        const int n = epoll_wait(m_epoll, events, Batch, timeout);
        if (n < 0 && errno != EINTR)
            throw std::runtime_error("epoll_wait failed");
        for (int i = 0; i < n; ++i) {
            const std::uint64_t key = events[i].data.u64;
            const auto index = std::uint32_t(key & 0xffffffffu);
            if (index >= m_slots.size())
                continue;
            const Slot &slot = m_slots[index];
            if (slot.handler && slot.generation == std::uint32_t(key >> 32))
                slot.handler->handleEvents(events[i].events);
        }
        runTimers();
    }
}

} // namespace Colleagues::Load
