/* Stand-in for Windows' bcryptprimitives.dll, for running tests under Wine 8 only (never
 * shipped): Rust's standard library asks it for random bytes at start (ProcessPrng), which
 * Wine 8 lacks. Windows 10 and later have the real one. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    return BCryptGenRandom(NULL, data, (ULONG)len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}
