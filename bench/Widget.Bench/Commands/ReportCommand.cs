using System.Text;
using Widget.Bench.Cli;
using Widget.Bench.Report;

namespace Widget.Bench.Commands;

/// <summary>
/// <c>report</c>: merges the JSON lines of a run into the comparison table, the CPU breakdown and the
/// target checks; prints them, and with <c>--doc</c> writes them into that file between its markers.
/// With <c>--check</c>, exits 1 when a delivery was lost or duplicated, a post refused or a viewer
/// dropped: what bench/smoke.sh relies on.
/// </summary>
public static class ReportCommand
{
    public static int Run(Arguments args)
    {
        var set = ResultSet.Load(args.All("results"));
        var comparison = new Comparison(set);
        comparison.AddDensity();
        comparison.AddDeliveries("chat", "density", "chat");
        comparison.AddDeliveries("smoke", "smoke", "smoke");
        var hotHeadline = args.Optional("hot-headline");
        comparison.AddDeliveries("hot", "hot", "hot channel", hotHeadline);
        comparison.AddSweep("hot channel");
        comparison.AddIngest();
        comparison.AddPage();

        var text = new StringBuilder();
        if (args.Optional("machine") is { } machine)
        {
            text.Append("Measured on: ").AppendJoin(", ", machine.Split(';').Select(p => p.Replace("=", ": ", StringComparison.Ordinal)))
                .Append(".\n\n");
        }

        if (args.Optional("command") is { } command)
        {
            text.Append("Command: `").Append(command).Append('`');
            text.Append(args.Optional("elapsed") is { } elapsed ? $"; the whole run, build included, took {elapsed} s.\n\n" : ".\n\n");
        }

        if (comparison.Table.Count > 0)
        {
            text.Append(comparison.Table).Append('\n');
        }

        if (ChurnFigures.Build(set, comparison.Problems) is { } churn)
        {
            text.Append("Memory after connections close (churn; MB; heap: live managed objects at the reading; GC committed: "
                + "what the collector holds from the OS as of its last collection):\n\n").Append(churn).Append('\n');
        }

        var aims = TargetCheck.Build(comparison, set, hotHeadline);
        if (aims.Count > 0)
        {
            text.Append("Aims of the issue, against this run:\n\n").Append(aims).Append('\n');
        }

        if (comparison.Cpu.Count > 0)
        {
            text.Append("Where the CPU went (share of all cores over each phase; \"other\" is every process not in the bench, "
                + "e.g. other work on the machine):\n\n").Append(comparison.Cpu);
        }

        if (comparison.Problems.Count > 0)
        {
            text.Append("\nProblems seen in this run:\n\n");
            foreach (var problem in comparison.Problems)
            {
                text.Append("- ").Append(problem).Append('\n');
            }
        }

        Console.WriteLine(text);
        if (args.Optional("doc") is { } doc)
        {
            BenchDoc.Write(doc, text.ToString());
        }

        var deliveries = comparison.Phases.Count;
        if (args.Flag("check") && (deliveries == 0 || comparison.Problems.Count > 0))
        {
            Console.Error.WriteLine(deliveries == 0 ? "check: no deliveries were measured" : "check: problems above");
            return 1;
        }

        return 0;
    }
}
