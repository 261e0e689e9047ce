# SPDX-License-Identifier: GPL-3.0-or-later
# Signature formats: XMLDSig for the packet, PAdES (CAdES-detached CMS) for the PDF, and their verifiers.
# GLOBAL: hocba_core is static, so the tests linking it (other directories) must see these imported targets.
find_package(OpenSSL 3.0 REQUIRED GLOBAL)
find_package(PkgConfig REQUIRED)
pkg_check_modules(hocba_libxml2 REQUIRED IMPORTED_TARGET GLOBAL libxml-2.0)
pkg_check_modules(hocba_xmlsec REQUIRED IMPORTED_TARGET GLOBAL xmlsec1-openssl)
pkg_check_modules(hocba_qpdf REQUIRED IMPORTED_TARGET GLOBAL libqpdf)

target_sources(hocba_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/OpenSsl.h ${CMAKE_CURRENT_LIST_DIR}/OpenSsl.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SignatureReport.h ${CMAKE_CURRENT_LIST_DIR}/SignatureReport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SoftwareSigner.h ${CMAKE_CURRENT_LIST_DIR}/SoftwareSigner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/XmlDom.h ${CMAKE_CURRENT_LIST_DIR}/XmlDom.cpp
    ${CMAKE_CURRENT_LIST_DIR}/XmlSigner.h ${CMAKE_CURRENT_LIST_DIR}/XmlSigner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/XmlVerifier.h ${CMAKE_CURRENT_LIST_DIR}/XmlVerifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DetachedCms.h ${CMAKE_CURRENT_LIST_DIR}/DetachedCms.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PdfCommon.h ${CMAKE_CURRENT_LIST_DIR}/PdfSigner.h ${CMAKE_CURRENT_LIST_DIR}/PdfSigner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PdfVerifier.h ${CMAKE_CURRENT_LIST_DIR}/PdfVerifier.cpp)
# qpdf 11 headers warn unless the PointerHolder transition level is chosen; 4 = std::shared_ptr only.
target_compile_definitions(hocba_core PRIVATE POINTERHOLDER_TRANSITION=4)
target_link_libraries(hocba_core PRIVATE OpenSSL::Crypto PkgConfig::hocba_libxml2 PkgConfig::hocba_xmlsec
                                         PkgConfig::hocba_qpdf)
