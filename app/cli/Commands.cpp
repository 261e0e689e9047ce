// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace hocba::cli {

std::vector<std::unique_ptr<cmdline::Command>> allCommands()
{
    std::vector<std::unique_ptr<cmdline::Command>> list;
    list.push_back(makeInitCommand());
    list.push_back(makeClassCommand());
    list.push_back(makeYearCommand());
    list.push_back(makeAssignCommand());
    list.push_back(makeImportCommand());
    list.push_back(makeTemplateCommand());
    list.push_back(makeDemoCommand());
    list.push_back(makeInfoCommand());
    list.push_back(makeEvaluateCommand());
    list.push_back(makeLintCommand());
    list.push_back(makeGridCommand());
    list.push_back(makeReviewCommand());
    list.push_back(makeConfirmCommand());
    list.push_back(makeApproveCommand());
    list.push_back(makeReturnCommand());
    list.push_back(makeDeadlinesCommand());
    list.push_back(makeCommentsCommand());
    list.push_back(makeLockCommand());
    list.push_back(makeUnlockCommand());
    list.push_back(makeLocksCommand());
    list.push_back(makeSignCommand());
    list.push_back(makePolicyCommand());
    list.push_back(makeExportCommand());
    list.push_back(makeRenderCommand());
    list.push_back(makePrintCommand());
    list.push_back(makePrintLogCommand());
    list.push_back(makeVerifyCommand());
    list.push_back(makeAuditCommand());
    list.push_back(makeBackupCommand());
    list.push_back(makeRestoreCommand());
    list.push_back(makeTokenCommand());
    list.push_back(makeTrustCommand());
    list.push_back(makeUserCommand());
    list.push_back(makeEndpointCommand());
    list.push_back(makeTsaCommand());
    list.push_back(makeExtendCommand());
    list.push_back(makeSchoolCommand());
    list.push_back(makeOutboxCommand());
    list.push_back(makeUploadCommand());
    list.push_back(makeReopenCommand());
    list.push_back(makeRevokeCommand());
    list.push_back(makeVersionsCommand());
    list.push_back(makeTransferCommand());
    list.push_back(makeReceiptsCommand());
    list.push_back(makeLookupCommand());
    return list;
}

} // namespace hocba::cli
