/* A stand-in for bcryptprimitives.dll, FOR TESTS UNDER WINE ONLY — never shipped.
 *
 * Rust's standard library (since 1.78) takes its random bytes from ProcessPrng in bcryptprimitives.dll,
 * which Debian's Wine 8 does not provide: every Rust program then fails to start. This DLL implements
 * ProcessPrng with RtlGenRandom (advapi32's SystemFunction036), the system's CSPRNG. Real Windows has
 * the real DLL; the installer never contains this one. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
