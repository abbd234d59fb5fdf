using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Coach.Tests.Simulate;

/// <summary>
/// A data folder written for one test: a small, valid pipeline (one manager, two reps, two accounts, three deals)
/// that a test changes line by line. Deleted when disposed.
/// </summary>
public sealed class PipelineFolder : IDisposable
{
    public const string Manager = "Mia Manager";
    public const string Rep = "Rick Rep";
    public const string OtherRep = "Rita Rep";

    public PipelineFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Users = new List<string>
        {
            "name,role,manager",
            $"{Manager},manager,",
            $"{Rep},rep,{Manager}",
            $"{OtherRep},rep,{Manager}",
        };
        Accounts = new List<string>
        {
            "name,industry,employees,annual_revenue,country",
            "Acme Wholesale,Wholesale,800,50000000,United States",
            "Tiny Cafe,Eating and Drinking Places,12,900000,Spain",
        };
        Opportunities = new List<string>
        {
            "id,name,account,owner,created_on,estimated_value,estimated_close_date,stage,status,closed_on,buying_trigger,buyer_stage,next_interaction_date,next_interaction_goal",
            $"O1,Acme rollout,Acme Wholesale,{Rep},2026-07-01T09:00:00Z,150000,2026-10-30,Develop,Open,,Expansion,Early,2026-07-20T10:00:00Z,Agree the pilot scope with the buyer",
            $"O2,Cafe tablets,Tiny Cafe,{OtherRep},2026-07-02T09:00:00Z,8000,2026-09-30,Qualify,Open,,,,,",
            $"O3,Acme renewal,Acme Wholesale,{Rep},2026-07-03T09:00:00Z,60000,2026-08-30,Close,Won,2026-07-25T15:00:00Z,Renewal due,Late,2026-07-15T10:00:00Z,Confirm the signing date and signatory",
        };
    }

    public string Path { get; }

    public List<string> Users { get; }

    public List<string> Accounts { get; }

    public List<string> Opportunities { get; }

    /// <summary>events.csv lines (header included); null writes no events.csv.</summary>
    public List<string>? Events { get; set; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes the four files (events.csv only when <see cref="Events"/> is set) and returns the folder.</summary>
    public string Write()
    {
        System.IO.File.WriteAllText(File("users.csv"), string.Join("\n", Users) + "\n");
        System.IO.File.WriteAllText(File("accounts.csv"), string.Join("\n", Accounts) + "\n");
        System.IO.File.WriteAllText(File("opportunities.csv"), string.Join("\n", Opportunities) + "\n");
        if (Events != null) System.IO.File.WriteAllText(File("events.csv"), string.Join("\n", Events) + "\n");
        else if (System.IO.File.Exists(File("events.csv"))) System.IO.File.Delete(File("events.csv"));
        return Path;
    }

    /// <summary>Starts events.csv with its header and the given rows.</summary>
    public PipelineFolder WithEvents(params string[] rows)
    {
        Events = new[] { "timestamp,opportunity_id,kind,value" }.Concat(rows).ToList();
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
