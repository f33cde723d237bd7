// The IR as JSON (`award compile --emit ir`) and the facts a policy reads as
// JSON Schema (`award schema`).
#pragma once

#include <nlohmann/json.hpp>

#include "compiler/ir.h"

namespace award {

nlohmann::ordered_json ir_to_json(const ir::Policy& p);
nlohmann::ordered_json facts_schema(const ir::Policy& p);

}  // namespace award
