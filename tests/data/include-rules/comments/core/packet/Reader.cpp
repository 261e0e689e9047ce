#include "Reader.h"
// #include "store/Database.h"
//#include "store/Database.h"
/* #include "store/Database.h" */
/*
#include "store/Database.h"
*/
#include "domain/Types.h" // #include "store/Database.h" after a comment marker
#include "store/Schools.h" /* forbidden, whatever the comment says */
