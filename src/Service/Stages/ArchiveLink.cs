using System.Runtime.InteropServices;

namespace Analytics.Service.Stages;

/// <summary>
/// A kept file put where a replay reads it: a hard link (no bytes copied: the attendance file of the large tier is
/// 668 MB) where the system allows one, else a copy with the original's time. Either way the kept file is untouched.
/// </summary>
internal static class ArchiveLink
{
    public static void LinkOrCopy(string source, string destination)
    {
        if (File.Exists(destination)) File.Delete(destination);
        if ((OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && link(source, destination) == 0) return;
        File.Copy(source, destination);
        File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(source));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
