// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

namespace hocba::fuzz {

/**
 * Once per process, from LLVMFuzzerInitialize: a QCoreApplication like the CLI has, and Qt's messages silenced so
 * the fuzzer's own output stays readable (HOCBA_FUZZ_VERBOSE=1 keeps them).
 */
void initialise(int* argc, char*** argv);

/**
 * The verifiers' trust anchors: the DER certificate in the file HOCBA_FUZZ_ANCHOR names (fuzz_seeds writes the test
 * CA's there, so the signed seeds reach the chain check and verify), or none.
 */
const QList<QByteArray>& anchors();

/** A deep copy, like QFile::readAll gives the verifiers in the program (NUL-terminated, owned). */
QByteArray bytesOf(const std::uint8_t* data, std::size_t size);

/** A broken property is a finding: print it and abort, so libFuzzer keeps the input. */
[[noreturn]] void violated(const char* what, const QString& detail = {});

} // namespace hocba::fuzz
