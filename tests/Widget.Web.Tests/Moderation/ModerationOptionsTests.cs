using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Widget.Web.Moderation;

namespace Widget.Web.Tests.Moderation;

public sealed class ModerationOptionsTests
{
    [Fact]
    public void Administrators_AreReadAsAListOfUserIdsFromSettings()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Moderation:Administrators:0"] = "7",
                ["Moderation:Administrators:1"] = "42",
            })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).Services
            .BuildServiceProvider();

        Assert.Equal([7L, 42L], services.GetRequiredService<IOptions<ModerationOptions>>().Value.Administrators);
    }
}
