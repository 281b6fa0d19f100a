using Widget.Bench.Cli;
using Widget.Bench.Commands;

// The load generator: one subcommand per child process that bench/run.sh starts. Each writes its
// results as JSON lines; `report` merges them into the table in docs/benchmarks.md.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Widget.Bench <clock|tokens|viewers|post|ingest|page|transfer|stats|sample|report> [--option value ...]");
    return 2;
}

var options = Arguments.Parse(args.Skip(1));
using var stop = new StopSignal(TimeSpan.FromSeconds(options.Number("max-seconds", 900)));
try
{
    return args[0] switch
    {
        "clock" => ClockCommand.Run(),
        "tokens" => await TokensCommand.RunAsync(options, stop.Token),
        "viewers" => await ViewersCommand.RunAsync(options, stop.Token),
        "post" => await PostCommand.RunAsync(options, stop.Token),
        "ingest" => await IngestCommand.RunAsync(options, stop.Token),
        "page" => await PageCommand.RunAsync(options, stop.Token),
        "transfer" => await TransferCommand.RunAsync(options, stop.Token),
        "stats" => await StatsCommand.RunAsync(options, stop.Token),
        "sample" => await SampleCommand.RunAsync(options, stop.Token),
        "report" => ReportCommand.Run(options),
        _ => throw new ArgumentException($"unknown subcommand '{args[0]}'"),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{args[0]}: {e.Message}");
    return 2;
}
