#pragma once
#include "util/Log.h"
