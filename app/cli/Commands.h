// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

namespace hocba::cli {

// One factory per command, defined in its own XxxCommand.cpp; allCommands() in Commands.cpp lists them.
std::unique_ptr<Command> makeInitCommand();
std::unique_ptr<Command> makeClassCommand();
/** year open --db FILE --year Y [--yes] [--json]: the next school year from the last one (docs/import.md). */
std::unique_ptr<Command> makeYearCommand();
std::unique_ptr<Command> makeAssignCommand();
/** import students --db FILE --file F.csv [--year Y] [--dry-run] [--json]: a student list (docs/import.md). */
std::unique_ptr<Command> makeImportCommand();
/** template students|grades [--level primary|thcs] --out F.xlsx [--force]: an empty workbook to import. */
std::unique_ptr<Command> makeTemplateCommand();
std::unique_ptr<Command> makeDemoCommand();
std::unique_ptr<Command> makeInfoCommand();
std::unique_ptr<Command> makeAuditCommand();
std::unique_ptr<Command> makeBackupCommand();
std::unique_ptr<Command> makeRestoreCommand();

/** evaluate [FILE|-]: one student-year's TT27/TT22 results and findings (docs/evaluate.md). */
std::unique_ptr<Command> makeEvaluateCommand();
std::unique_ptr<Command> makeLintCommand();

/** export --db FILE --out DIR [--class NAME | --all] [--year YYYY-YYYY]: record packets as XML (docs/packet.md). */
std::unique_ptr<Command> makeExportCommand();
/** render --db FILE --out DIR [--class NAME | --all] [--year Y] [--jobs N]: PDF books, one per record. */
std::unique_ptr<Command> makeRenderCommand();
/**
 * print --db FILE [--year Y] (--class NAME | --section ID...) --reason archive|transfer|parent|other [--note TEXT]
 * [--copies N] --out DIR|FILE.pdf: the clerk's printing, every copy in the print log (docs/printing.md).
 */
std::unique_ptr<Command> makePrintCommand();
/** print-log --db FILE [--year Y] [--class NAME] [--json]: the print log. */
std::unique_ptr<Command> makePrintLogCommand();
/** trust add|list: the school's trust anchors (CA root certificates), stored in its data file. */
std::unique_ptr<Command> makeTrustCommand();
/** token list: USB tokens and their certificates, no PIN needed (diagnostics). */
std::unique_ptr<Command> makeTokenCommand();
/** confirm --db FILE [--class NAME | --all] [--year Y] [--acknowledge-warnings NAME]: draft → ready. */
std::unique_ptr<Command> makeConfirmCommand();
/** sign --db FILE --module PATH --token LABEL --role R … [--jobs N]: batch signing with one PIN entry, resumable. */
std::unique_ptr<Command> makeSignCommand();
/** policy --db FILE [--require ROLE]... [--optional ROLE]...: which roles must sign each school year. */
std::unique_ptr<Command> makePolicyCommand();
/** verify FILE... [--trust PEM]... [--db FILE] [--json]: signed packets and PDFs. */
std::unique_ptr<Command> makeVerifyCommand();
/** user add|list|passwd|disable: the school's local accounts (docs/accounts.md). */
std::unique_ptr<Command> makeUserCommand();
/** endpoint set|show --db FILE: the Department's server, the school's credential, the pinned certificate, the lookup
 * portal (--lookup-url). */
std::unique_ptr<Command> makeEndpointCommand();
std::unique_ptr<Command> makeTsaCommand();
/** extend --db FILE [--all | --within DAYS] [--json]: archive time-stamps (PAdES B-LTA) for the stored PDFs. */
std::unique_ptr<Command> makeExtendCommand();
/** school seal --db FILE --file F | --clear: the seal image printed beside the principal's digital signature. */
std::unique_ptr<Command> makeSchoolCommand();
/** outbox --db FILE [--class C] [--json]: the signed records for the Department and their states. */
std::unique_ptr<Command> makeOutboxCommand();
/** upload --db FILE [--class C | --all], or upload --url --credential-file --packet --pdf: send to the Department. */
std::unique_ptr<Command> makeUploadCommand();
/** receipts --db FILE [--json]: the Department's lock receipts lock the sections. */
std::unique_ptr<Command> makeReceiptsCommand();
/** lookup CODE --url URL [--json]: a record's public state at the Department. */
std::unique_ptr<Command> makeLookupCommand();

/** reopen --db FILE (--student CODE | --section ID) [--year Y] --reason TEXT: a signed year as a new version. */
std::unique_ptr<Command> makeReopenCommand();
/**
 * revoke --db FILE (--student CODE | --section ID) [--year Y] --reason TEXT --module PATH --token LABEL [--pin-file F]:
 * a signed year revoked with a request the principal's token signs.
 */
std::unique_ptr<Command> makeRevokeCommand();
/**
 * transfer out --db FILE --student CODE --to-school CODE --out DIR … (the principal's token), or transfer in --db FILE
 * --file PKG [--yes]: a pupil's record leaves or arrives (docs/transfer.md).
 */
std::unique_ptr<Command> makeTransferCommand();
/** versions --db FILE (--student CODE | --section ID) [--year Y] [--json]: a school year's chain of versions. */
std::unique_ptr<Command> makeVersionsCommand();
/**
 * grid --db FILE [--year Y] --class NAME (--subject CODE | --homeroom | --qualities) --term T [--json]
 * [--paste F.tsv [--row N] [--column HEADER]] [--history --row N --column HEADER]: an entry grid (docs/entry.md).
 */
std::unique_ptr<Command> makeGridCommand();
/** review --db FILE --year Y --class NAME [--pdf F] [--html F] [--json]: the check before signing (docs/review.md). */
std::unique_ptr<Command> makeReviewCommand();
/** approve --db FILE --year Y --class NAME: the board approves; approve --require-approval yes|no: the school's rule.
 */
std::unique_ptr<Command> makeApproveCommand();
/** return --db FILE --year Y --class NAME --reason TEXT: the board returns a class to its homeroom teacher. */
std::unique_ptr<Command> makeReturnCommand();
/** deadlines --db FILE --year Y [--today dd/MM/yyyy] [--json]: the deadline board. */
std::unique_ptr<Command> makeDeadlinesCommand();
/** comments list|add|remove|seed|style|check --db FILE …: the school's comment bank (docs/comment-bank.md). */
std::unique_ptr<Command> makeCommentsCommand();
/**
 * lock --db FILE [--year Y] [--grade N] [--class NAME] [--subject CODE] [--term T] [--item I] --reason TEXT: the board
 * locks entry (docs/entry-locks.md); prints the lock's number.
 */
std::unique_ptr<Command> makeLockCommand();
/** unlock --db FILE --id N --reason TEXT: the board lifts a lock on entry. */
std::unique_ptr<Command> makeUnlockCommand();
/** locks --db FILE [--year Y] [--json]: the locks on entry in force. */
std::unique_ptr<Command> makeLocksCommand();
} // namespace hocba::cli
