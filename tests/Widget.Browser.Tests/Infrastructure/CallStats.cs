namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// What a widget's peer connections receive, from their getStats(). The connections are recorded by a
/// script that wraps RTCPeerConnection in every frame of the visitor's pages, before the widget runs.
/// </summary>
internal static class CallStats
{
    private const string Recorder = """
        (() => {
          const Native = window.RTCPeerConnection;
          if (!Native) return;
          window.recordedPeers = [];
          window.RTCPeerConnection = function (...args) {
            const pc = new Native(...args);
            window.recordedPeers.push(pc);
            return pc;
          };
          window.RTCPeerConnection.prototype = Native.prototype;
        })();
        """;

    public static Task RecordPeersAsync(Visitor visitor) => visitor.Context.AddInitScriptAsync(Recorder);

    /// <summary>Each recorded connection's states, for a failure message.</summary>
    public static Task<string> StatesAsync(EmbeddedWidget widget) => widget.EvaluateAsync<string>("""
        () => window.recordedPeers.map((pc) => `${pc.connectionState}/${pc.iceConnectionState}/${pc.signalingState}`).join(', ')
        """);

    /// <summary>Summed over the widget's open peer connections: video frames decoded and audio packets received.</summary>
    public static async Task<(long Frames, long AudioPackets)> ReceivedAsync(EmbeddedWidget widget)
    {
        var totals = await widget.EvaluateAsync<long[]>("""
            async () => {
              let frames = 0, packets = 0;
              for (const pc of window.recordedPeers.filter((p) => p.connectionState !== 'closed')) {
                (await pc.getStats()).forEach((report) => {
                  if (report.type !== 'inbound-rtp') return;
                  if (report.kind === 'video') frames += report.framesDecoded ?? 0;
                  if (report.kind === 'audio') packets += report.packetsReceived ?? 0;
                });
              }
              return [frames, packets];
            }
            """);
        return (totals[0], totals[1]);
    }
}
