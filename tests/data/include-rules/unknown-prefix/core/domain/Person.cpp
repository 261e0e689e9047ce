#include "Person.h"
#include "signing/Signer.h"
