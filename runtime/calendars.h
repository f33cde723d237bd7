// The calendars stdlib/calendar/ ships, parsed once and shared (read-only).
#pragma once

#include <string>
#include <string_view>

#include "compiler/ir.h"
#include "runtime/calendar.h"

namespace award {

// The national arrangement. Never null: the build embeds it and a test keeps
// it parsing.
const cal::Calendar& national_calendar();

// The national arrangement with a region's layer (`xinjiang`), or null with
// `error` set when the region is unknown.
const cal::Calendar* regional_calendar(std::string_view region, std::string& error);

// The calendar a policy counts working days by: its `calendar` setting (checked
// when the policy compiled), or the national arrangement.
const cal::Calendar& policy_calendar(const ir::Policy& p);

}  // namespace award
