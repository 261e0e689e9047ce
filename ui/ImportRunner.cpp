// SPDX-License-Identifier: GPL-3.0-or-later
// The one file of ui that calls the import's implementation (lifecycle/Import.cpp). Only the desktop's main()
// refers to it; the window and the dialog take any runner, so the tests link without it.
#include "ImportDialog.h"

#include "lifecycle/Actor.h"
#include "lifecycle/Import.h"

namespace hocba::ui {

ImportRunners importRunners(store::Database& db, const lifecycle::Actor& actor)
{
    return ImportRunners {
        [&db, actor](const lifecycle::ImportRequest& request) { return lifecycle::runImport(db, request, actor); },
        [&db, actor](qint64 batchId) { return lifecycle::undoImport(db, batchId, actor); },
    };
}

} // namespace hocba::ui
