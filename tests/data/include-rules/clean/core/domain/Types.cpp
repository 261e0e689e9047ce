#include "Types.h"
#include "detail/Parts.h"
#include "domain/Types.h"
