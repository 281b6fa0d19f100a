namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// What a widget's peer connections receive, from their getStats(). The connections are recorded by a
/// script that wraps RTCPeerConnection in every frame of the visitor's pages, before the widget runs.
/// </summary>
internal static class CallStats
{
    private const string Recorder = """
        ((relayOnly) => {
          const Native = window.RTCPeerConnection;
          if (!Native) return;
          window.recordedPeers = [];
          window.RTCPeerConnection = function (config = {}) {
            const pc = new Native(relayOnly ? { ...config, iceTransportPolicy: 'relay' } : config);
            window.recordedPeers.push(pc);
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
        () => window.recordedPeers.map((pc) =>
          `${pc.connectionState}/${pc.iceConnectionState}/${pc.iceGatheringState}/${pc.signalingState} remote ${pc.remoteDescription?.type}`).join(', ')
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
