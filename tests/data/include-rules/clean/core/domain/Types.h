#pragma once
#include "util/Error.h"
#include <QString>
