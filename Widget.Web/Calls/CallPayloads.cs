namespace Widget.Web.Calls;

/// <summary>One person in a call, by the hub connection their widget holds.</summary>
public sealed record CallMember(string ConnectionId, long UserId, string Name);

/// <summary>Who is in a channel's call, sent to everyone watching it whenever that changes.</summary>
public sealed record CallRoster(string Tag, IReadOnlyList<CallMember> Members, int Max);

/// <summary>An RTCIceServer as the browser takes it.</summary>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);

/// <summary>What a newcomer needs: who to connect to, its own connection id (the smaller id of a pair is the
/// polite peer), the ICE servers with credentials for this call, and whether it must send sound only because
/// the call already has as many cameras as it may (<see cref="VideoCap"/>).</summary>
public sealed record CallJoined(CallRoster Roster, string Self, IReadOnlyList<IceServer> IceServers, bool AudioOnly = false);

/// <summary>An offer or an answer (RTCSessionDescriptionInit).</summary>
public sealed record SessionDescription(string Type, string Sdp);

/// <summary>An RTCIceCandidateInit; an empty candidate marks the end of gathering.</summary>
public sealed record IceCandidate(string Candidate, string? SdpMid, int? SdpMLineIndex);

public sealed record DescriptionEvent(string From, SessionDescription Description);

public sealed record CandidateEvent(string From, IceCandidate Candidate);

/// <summary>To a removed member alone: the server has taken them out of the tag's call, and why.</summary>
public sealed record CallRemovedEvent(string Tag, string Message);
