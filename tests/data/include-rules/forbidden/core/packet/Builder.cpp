#include "Builder.h"
#include "domain/Types.h"
#include "store/Database.h"
