namespace Widget.Web.Together;

/// <summary>A knock's outcome: in at once (a participant coming back), or at the door with the creator's connections to tell.</summary>
public sealed record KnockOutcome(SessionView? Admitted, IReadOnlyList<string> Creator);
