using System.Text.Json;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// What a widget's peer connections receive and send, from their getStats() and senders. The connections are
/// recorded by a script that wraps RTCPeerConnection in every frame of the visitor's pages, before the widget
/// runs; it also counts every connection that ever reached "failed".
/// </summary>
internal static class CallStats
{
    private const string Recorder = """
        ((relayOnly) => {
          const Native = window.RTCPeerConnection;
          if (!Native) return;
          window.recordedPeers = [];
          window.failedPeers = 0;
          window.negotiations = 0;
          window.RTCPeerConnection = function (config = {}) {
            const pc = new Native(relayOnly ? { ...config, iceTransportPolicy: 'relay' } : config);
            window.recordedPeers.push(pc);
            pc.addEventListener('negotiationneeded', () => { window.negotiations += 1; });
            pc.addEventListener('connectionstatechange', () => {
              if (pc.connectionState === 'failed') window.failedPeers += 1;
            });
            return pc;
          };
          window.RTCPeerConnection.prototype = Native.prototype;
        })(RELAY_ONLY);
        """;

    /// <param name="relayOnly">Makes every connection use relay candidates only (iceTransportPolicy "relay").</param>
    public static Task RecordPeersAsync(Visitor visitor, bool relayOnly = false) =>
        visitor.Context.AddInitScriptAsync(Recorder.Replace("RELAY_ONLY", relayOnly ? "true" : "false", StringComparison.Ordinal));

    /// <summary>The local and remote candidate types of each open connection's selected pair, e.g. "relay/relay".</summary>
    public static async Task<IReadOnlyList<string>> SelectedPairsAsync(EmbeddedWidget widget) => await widget.EvaluateAsync<string[]>("""
        async () => {
          const pairs = [];
          for (const pc of window.recordedPeers.filter((p) => p.connectionState !== 'closed')) {
            const stats = await pc.getStats();
            stats.forEach((report) => {
              if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded') {
                pairs.push(`${stats.get(report.localCandidateId).candidateType}/${stats.get(report.remoteCandidateId).candidateType}`);
              }
            });
          }
          return pairs;
        }
        """);

    /// <summary>Each recorded connection's states, for a failure message.</summary>
    public static Task<string> StatesAsync(EmbeddedWidget widget) => widget.EvaluateAsync<string>("""
        () => window.recordedPeers.map((pc) => `${pc.connectionState}/${pc.iceConnectionState}/${pc.signalingState}`).join(', ')
        """);

    /// <summary>The signalling state of each open connection.</summary>
    public static Task<string[]> SignalingStatesAsync(EmbeddedWidget widget) => widget.EvaluateAsync<string[]>("""
        () => window.recordedPeers.filter((pc) => pc.connectionState !== 'closed').map((pc) => pc.signalingState)
        """);

    /// <summary>How many times any connection needed a new offer, from the first one on.</summary>
    public static Task<int> NegotiationsAsync(EmbeddedWidget widget) => widget.EvaluateAsync<int>("() => window.negotiations");

    /// <summary>The labels of the tracks the open connections send, e.g. "fake_device_0".</summary>
    public static Task<string[]> SentTrackLabelsAsync(EmbeddedWidget widget, string kind) => widget.EvaluateAsync<string[]>("""
        (root, kind) => window.recordedPeers.filter((pc) => pc.connectionState !== 'closed')
          .flatMap((pc) => pc.getSenders())
          .filter((sender) => sender.track?.kind === kind)
          .map((sender) => sender.track.label)
        """, kind);

    /// <summary>How many connections ever failed.</summary>
    public static Task<int> FailuresAsync(EmbeddedWidget widget) => widget.EvaluateAsync<int>("() => window.failedPeers");

    /// <summary>The maxBitrate of the first encoding of every camera sender of the open connections (0 for none).</summary>
    public static Task<double[]> CameraBitrateLimitsAsync(EmbeddedWidget widget) => widget.EvaluateAsync<double[]>("""
        () => window.recordedPeers.filter((pc) => pc.connectionState !== 'closed')
          .flatMap((pc) => pc.getSenders())
          .filter((sender) => sender.track?.kind === 'video' && sender.track.getSettings().displaySurface === undefined)
          .map((sender) => sender.getParameters().encodings[0]?.maxBitrate ?? 0)
        """);

    /// <summary>
    /// Waits until the widget has <paramref name="peers"/> open connections and, over one second, each of them
    /// received more audio packets and decoded more frames in exactly <paramref name="videos"/> video streams
    /// (the camera, and a shared screen): media arriving, not just negotiated.
    /// </summary>
    public static async Task ExpectReceivingAsync(EmbeddedWidget widget, int peers, int videos, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + CallScene.MediaDeadline;
        var before = await ReceivedAsync(widget);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var after = await ReceivedAsync(widget);
            var growing = after.Select(peer => Growth(before.GetValueOrDefault(peer.Key), peer.Value)).ToList();
            if (growing.Count == peers && growing.All(growth => growth.Audio && growth.Videos == videos))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"Expected {peers} peers each receiving audio and {videos} videos, saw {string.Join(", ", growing)}; connections {await StatesAsync(widget)}.");
            before = after;
        }
    }

    private static (bool Audio, int Videos) Growth(Received? before, Received after) => (
        after.Audio > (before?.Audio ?? 0),
        after.Video.Count(video => video.Value > (before?.Video.GetValueOrDefault(video.Key) ?? 0)));

    private sealed record Received(long Audio, Dictionary<string, long> Video);

    /// <summary>Per open connection, by its place among the recorded ones: audio packets, and frames decoded per inbound video.</summary>
    private static async Task<Dictionary<int, Received>> ReceivedAsync(EmbeddedWidget widget)
    {
        var json = await widget.EvaluateAsync<string>("""
            async () => {
              const peers = {};
              for (const [index, pc] of window.recordedPeers.entries()) {
                if (pc.connectionState === 'closed') continue;
                const received = { audio: 0, video: {} };
                (await pc.getStats()).forEach((report) => {
                  if (report.type !== 'inbound-rtp') return;
                  if (report.kind === 'video') received.video[report.id] = report.framesDecoded ?? 0;
                  if (report.kind === 'audio') received.audio += report.packetsReceived ?? 0;
                });
                peers[index] = received;
              }
              return JSON.stringify(peers);
            }
            """);
        return JsonSerializer.Deserialize<Dictionary<int, Received>>(json, JsonSerializerOptions.Web)!;
    }
}
