#include "Window.h"
#include "packet/Packet.h"
#include <QWidget>
