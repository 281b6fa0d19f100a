using System.Runtime.InteropServices;

namespace Widget.Web.Realtime;

/// <summary>
/// Hands the C library's free heap pages back to the system. glibc keeps what native code freed (the runtime's own
/// allocations, the sockets' and TLS buffers of connections that closed) in per-thread arenas and returns little of it
/// by itself; <c>malloc_trim</c> releases every whole free page. Elsewhere (musl, another OS) there is nothing to call.
/// </summary>
public static class NativeHeapTrim
{
    /// <summary>Trims the C library's heap; false where there is no <c>malloc_trim</c> to call.</summary>
    public static bool Run()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // Its answer says whether a page was freed, not whether it worked.
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // A plain DllImport: the signature is blittable, so it needs no generated marshalling and no unsafe code.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    private static extern int MallocTrim(nuint pad);
}
