#pragma once
#include "../Types.h"
