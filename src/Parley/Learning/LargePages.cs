using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Parley.Learning;

/// <summary>
/// Arrays for the large read-only weight tables, on 2 MB pages where the system allows it. Scoring
/// reads these tables at random, a cache line or two per feature; with 4 KB pages nearly every such
/// read also misses the address-translation cache, on 2 MB pages it mostly does not (tag, parse and
/// recognise ran about 10 % faster on one thread in paired benchmark runs). On Linux the array is pinned,
/// a 2 MB-aligned stretch of it is advised with <c>MADV_HUGEPAGE</c>, written, and collapsed with
/// <c>MADV_COLLAPSE</c> (pages the collector had touched before keep small pages after the advice
/// alone); elsewhere, or when the kernel declines, the pages stay small. Contents and results are the
/// same either way; only the speed differs.
/// </summary>
internal static class LargePages
{
    /// <summary>Alignment in bytes of the usable stretch of a small table: one cache line.</summary>
    public const int LineBytes = 64;

    // Smaller tables fit the translation cache anyway.
    private const long MinimumBytes = 1L << 20;
    private const long PageBytes = 2L << 20;
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE
    private const int Collapse = 25;       // MADV_COLLAPSE

    private static readonly bool Supported = OperatingSystem.IsLinux() && (RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64);

    /// <summary>
    /// A zeroed, pinned array whose elements <c>[offset, offset + length)</c> are the table: that stretch
    /// starts on a cache line, and for a large table on a 2 MB page boundary, backed by 2 MB pages when
    /// the system allows it.
    /// </summary>
    public static T[] Allocate<T>(int length, out int offset)
        where T : unmanaged
    {
        var size = Marshal.SizeOf<T>();
        var bytes = (long)length * size;
        var large = Supported && bytes >= MinimumBytes;
        // Room to move the start to the boundary and, for a large table, to round its end up to a whole page.
        var alignment = large ? PageBytes : LineBytes;
        var slack = (int)((large ? 2 * PageBytes : LineBytes) / size);
        var array = GC.AllocateArray<T>(checked(length + slack), pinned: true);
        var start = (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var aligned = (start + alignment - 1) & ~(alignment - 1);
        offset = (int)((aligned - start) / size);
        if (large)
        {
            AdviseLargePages((nint)aligned, (nuint)((bytes + PageBytes - 1) & ~(PageBytes - 1)));
        }
        return array;
    }

    /// <summary>
    /// Starts bringing the cache line of <paramref name="element"/>, an element of a pinned array, into
    /// the cache. A prefetch retires at once where a load waits for its data, so a loop of them runs
    /// ahead and many misses are under way together. Without a prefetch instruction the line is read
    /// instead: the caller mixes the returned byte into a value it keeps, so the read is not dropped.
    /// Returns 0 after a prefetch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe byte Touch<T>(ref T element)
        where T : unmanaged
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref element));
            return 0;
        }
        return Unsafe.As<T, byte>(ref element);
    }

    private static void AdviseLargePages(nint start, nuint length)
    {
        try
        {
            // A refusal (an older kernel, large pages switched off) leaves small pages: nothing to handle.
            if (Advise(start, length, AdviseHugePage) == 0)
            {
                _ = Advise(start, length, Collapse);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library to ask: small pages.
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Advise(nint address, nuint length, int advice);
}
