namespace Widget.Web.Hosting;

/// <summary>Marks endpoints that other sites may show in an iframe; every other page refuses to be framed.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class EmbeddableAttribute : Attribute;
