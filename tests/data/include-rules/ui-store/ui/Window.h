#pragma once
#include "../core/store/Database.h"
#include "store/Database.h"
