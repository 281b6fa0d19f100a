using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Widget.Testing;

/// <summary>
/// Kills the process trees of children still running when the test host goes away. ProcessExit
/// alone is not enough: .NET raises it neither for an unhandled exception nor for SIGTERM, which is
/// how CI and `timeout` end a hung run.
/// </summary>
internal static class OrphanGuard
{
    private static readonly ConcurrentDictionary<ChildProcess, byte> Live = new();

    // Kept so they stay registered: a collected registration stops handling its signal.
    private static readonly PosixSignalRegistration[] SignalRegistrations = Register();

    public static void Watch(ChildProcess child) => Live.TryAdd(child, 0);

    public static void Forget(ChildProcess child) => Live.TryRemove(child, out _);

    private static PosixSignalRegistration[] Register()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
        // Without cancelling, each signal goes on to end the host as it would have anyway.
        return [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll()))];
    }

    private static void KillAll()
    {
        foreach (var child in Live.Keys)
        {
            child.KillTree();
        }
    }
}
