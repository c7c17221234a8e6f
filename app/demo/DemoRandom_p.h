// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QtGlobal>

#include <span>

namespace Colleagues::Demo {

//! xoshiro256** seeded through splitmix64: the same seed gives the same numbers on every
//! platform and standard library, which QRandomGenerator and std distributions do not promise.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
    {
        for (quint64 &word : m_state)
            word = splitMix64(seed);
    }

    static quint64 splitMix64(quint64 &x)
    {
        quint64 z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    //! Uniform in [0, n), without modulo bias (Lemire's method). n must be positive.
    quint32 below(quint32 n)
    {
        quint64 m = quint64(quint32(next() >> 32)) * n;
        if (quint32(m) < n) {
            const quint32 threshold = (0u - n) % n;
            while (quint32(m) < threshold)
                m = quint64(quint32(next() >> 32)) * n;
        }
        return quint32(m >> 32);
    }

    //! Uniform in [low, high].
    int between(int low, int high) { return low + int(below(quint32(high - low + 1))); }

    bool percent(int chance) { return int(below(100)) < chance; }

    template<typename T>
    const T &pick(const QList<T> &items)
    {
        return items.at(below(quint32(items.size())));
    }

    //! An index chosen with probability proportional to its (non-negative integer) weight.
    int weighted(std::span<const int> weights)
    {
        int total = 0;
        for (const int w : weights)
            total += w;
        int roll = int(below(quint32(total)));
        for (int i = 0; i < int(weights.size()); ++i) {
            if (roll < weights[i])
                return i;
            roll -= weights[i];
        }
        return int(weights.size()) - 1;
    }

    int weighted(const QList<int> &weights)
    {
        return weighted(std::span<const int>(weights.constData(), size_t(weights.size())));
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }

    quint64 m_state[4];
};

} // namespace Colleagues::Demo
