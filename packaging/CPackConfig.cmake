# SPDX-License-Identifier: GPL-3.0-or-later
set(CPACK_PACKAGE_NAME "hocba")
set(CPACK_PACKAGE_VENDOR "Học bạ số")
set(CPACK_PACKAGE_CONTACT "hocba@localhost")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Học bạ số — digital school records for primary and lower-secondary schools")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not a library dependency: the printed dates are Vietnamese local time from the system tz database.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
include(CPack)
