using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Calls;

/// <summary>Limits of channel calls and the ICE servers browsers are told to use.</summary>
public sealed class CallOptions
{
    public const string Section = "Calls";

    /// <summary>People in one call, past whom a newcomer is told the call is full. Every one of them sends its
    /// sound to each of the others (a full mesh), which an uplink and a small machine hold for about eight.</summary>
    [Range(2, 12)]
    public int MaxParticipants { get; set; } = 8;

    /// <summary>People in one call who send video: a mesh stays smooth with video up to about four. Those who
    /// join after them join with sound only (<see cref="VideoCap"/>).</summary>
    [Range(1, 12)]
    public int MaxVideoParticipants { get; set; } = 4;

    /// <summary>A session description from Chromium with audio and video is about 6 KB.</summary>
    [Range(1024, 30_000)]
    public int MaxSdpChars { get; set; } = 16_000;

    [Range(64, 4096)]
    public int MaxCandidateChars { get; set; } = 1024;

    /// <summary>Signalling messages one connection may send per second, on average...</summary>
    [Range(1, 1000)]
    public int SignalsPerSecond { get; set; } = 20;

    /// <summary>...and at once: joining a call of four sends three offers and a few dozen candidates.</summary>
    [Range(1, 10_000)]
    public int SignalBurst { get; set; } = 120;

    /// <summary>How long a direct call rings before the caller is told nobody answered.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rings one person may have ringing at once.</summary>
    [Range(1, 20)]
    public int MaxRings { get; set; } = 3;

    /// <summary>Rings one person may start per <see cref="RingWindow"/>, so nobody can be rung over and over.</summary>
    [Range(1, 1000)]
    public int RingsPerWindow { get; set; } = 10;

    /// <summary>At least <see cref="RingTimeout"/>: rings still ringing are counted among those of the window.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan RingWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where calls are by admission: how long a request to join waits for a moderator before the visitor
    /// is told nobody answered.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan JoinRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Requests one channel's moderators are shown at once; past it a visitor is told to try later.</summary>
    [Range(1, 500)]
    public int MaxJoinRequests { get; set; } = 20;

    /// <summary>Requests one person may make per <see cref="JoinRequestWindow"/>, in any channel, so nobody can
    /// ask over and over after being declined.</summary>
    [Range(1, 1000)]
    public int JoinRequestsPerWindow { get; set; } = 5;

    /// <summary>At least <see cref="JoinRequestTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan JoinRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a moderator's admit lets its holder join the channel's call, counted again from each join,
    /// so a dropped connection comes back without asking. A ban, a removal from the call or its end cut it short.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AdmissionLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>STUN servers, e.g. <c>stun:turn.example.com:3478</c>. None: browsers use their own addresses only.</summary>
    public string[] StunUrls { get; set; } = [];

    /// <summary>TURN servers, e.g. <c>turn:turn.example.com:3478?transport=udp</c>; used only with <see cref="TurnSecret"/>.</summary>
    public string[] TurnUrls { get; set; } = [];

    /// <summary>The secret shared with the TURN server (coturn's <c>static-auth-secret</c>). From the environment only.</summary>
    public string TurnSecret { get; set; } = "";

    /// <summary>How long minted TURN credentials stay valid. A relay refreshes its allocation with them, so
    /// they must outlast a call; the widget fetches new ones for every join.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TurnCredentialLifetime { get; set; } = TimeSpan.FromHours(2);
}
