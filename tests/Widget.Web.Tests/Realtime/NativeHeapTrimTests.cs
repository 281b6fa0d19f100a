using Widget.Web.Realtime;

namespace Widget.Web.Tests.Realtime;

/// <summary>The C library's heap is trimmed where the service runs: Linux with glibc, as in its image and in CI.</summary>
public sealed class NativeHeapTrimTests
{
    [Fact]
    public void OnLinux_TheCLibrarysTrimIsFoundAndCalled()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "malloc_trim is glibc's");

        Assert.True(NativeHeapTrim.Run());
    }
}
