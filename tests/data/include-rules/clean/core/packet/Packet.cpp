#include "packet/Packet.h"
#include "domain/Types.h"
#include "util/Error.h"
