// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Colleagues::Load {

//! A process's resident memory now (VmRSS) and at its peak (VmHWM), in KiB; -1 if unknown.
qint64 residentKiB(qint64 pid);
qint64 peakResidentKiB(qint64 pid);
//! CPU time (user + system) a process has used, in seconds; -1 if unknown.
double cpuSeconds(qint64 pid);
//! CPU time this process has used, in seconds.
double ownCpuSeconds();
//! The machine's 1-minute load average (/proc/loadavg); -1 if unknown.
double loadAverage();
//! Raises this process's open-file limit to its hard limit; returns the limit now in force.
qint64 raiseOpenFileLimit();

} // namespace Colleagues::Load
