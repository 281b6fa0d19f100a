namespace Widget.Testing;

/// <summary>
/// Installs a Node tool's locked dependencies on first use. Test hosts run in parallel, and two
/// concurrent `npm ci` runs in one directory delete each other's files, so installs take a lock.
/// </summary>
internal static class NpmInstall
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly SemaphoreSlim InProcessLock = new(1, 1);

    public static async Task EnsureAsync(string directory, CancellationToken ct)
    {
        // npm writes its hidden lockfile last, so an interrupted install does not count as done.
        var installed = Path.Combine(directory, "node_modules", ".package-lock.json");
        if (File.Exists(installed))
        {
            return;
        }

        await InProcessLock.WaitAsync(ct);
        try
        {
            await using var crossProcessLock = await LockFileAsync(Path.Combine(Path.GetTempPath(), "widget-npm-ci.lock"), ct);
            if (!File.Exists(installed))
            {
                await ChildProcess.RunAsync(
                    new CommandLine("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = directory },
                    InstallTimeout,
                    ct);
            }
        }
        finally
        {
            InProcessLock.Release();
        }
    }

    // On Unix, .NET takes an exclusive advisory lock for FileShare.None, which other processes honour.
    private static async Task<FileStream> LockFileAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryDelay, ct);
            }
        }
    }
}
