using System.IO;
using System.Linq;
using Coach.Checks;
using Coach.Tests.SolutionSource;
using static Coach.Tests.Checks.CheckTestSupport;

namespace Coach.Tests.Checks;

/// <summary>
/// The coaching judgement stays column-secured, a shipped profile lets coaches fill it on create but never opens it to
/// read or update, and the per-session sharing step is registered (coach-sensitive-columns).
/// </summary>
public class SeededSecurityMistakesTests
{
    private const string Session = "Solution/src/Entities/coach_microcoachingsession/Entity.xml";
    private const string Profiles = "Solution/src/Other/FieldSecurityProfiles.xml";

    [Fact]
    public void The_repository_secures_every_judgement_column()
    {
        Check(TestRepo.Layout).For(Rules.SensitiveColumns).Should().BeEmpty();
    }

    [Fact]
    public void An_execution_concern_left_unsecured_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Session, xml => UnsecureColumn(xml, "coach_executionconcern"));

        var errors = Errors(repo, Rules.SensitiveColumns);

        errors.Should().Contain(f => f.Message.Contains("coach_executionconcern holds a coach's judgement of a rep but is not secured"));
        errors.Should().Contain(f => f.Message.Contains("names coach_microcoachingsession.coach_executionconcern, which is not secured"));
    }

    [Fact]
    public void A_judgement_column_no_profile_opens_fails_the_check()
    {
        using var repo = TempRepo.Create();
        File.Delete(repo.PathOf(Profiles));

        var errors = Errors(repo, Rules.SensitiveColumns);

        errors.Should().HaveCount(SecurityRules.SensitiveColumns.Count);
        errors.Should().OnlyContain(f => f.Message.Contains("is in no field security profile"));
    }

    [Fact]
    public void A_profile_that_reads_the_judgement_on_every_session_fails_the_check()
    {
        using var repo = TempRepo.Create();
        repo.Edit(Profiles, xml => xml.Replace("<CanRead>0</CanRead>", "<CanRead>4</CanRead>"));

        var errors = Errors(repo, Rules.SensitiveColumns);

        errors.Should().HaveCount(SecurityRules.SensitiveColumns.Count);
        errors.Should().OnlyContain(f => f.Message.Contains("Field security profile 'Coaching judgement' lets its holders read") && f.Message.Contains("a coach of another team would see the judgement"));
    }

    [Fact]
    public void Without_the_session_sharing_step_the_check_fails()
    {
        using var repo = TempRepo.Create();
        File.Delete(repo.PathOf("Solution/src/SdkMessageProcessingSteps/{55ab1445-2c81-456d-a1d2-2663a9acbbad}.xml"));

        Errors(repo, Rules.SensitiveColumns).Should().ContainSingle(f => f.Message.Contains("No step runs Coaching.Plugins.EntryPoints.SessionSharingPlugin on Create of coach_microcoachingsession"));
    }

    private static System.Collections.Generic.IReadOnlyList<Finding> Errors(TempRepo repo, string rule) =>
        Check(repo.Layout).For(rule).Where(f => f.Severity == Severity.Error).ToList();

    private static string UnsecureColumn(string xml, string column)
    {
        var start = xml.IndexOf($"<attribute PhysicalName=\"{column}\">", System.StringComparison.Ordinal);
        var end = xml.IndexOf("</attribute>", start, System.StringComparison.Ordinal);
        return xml[..start] + xml[start..end].Replace("<IsSecured>1</IsSecured>", "<IsSecured>0</IsSecured>") + xml[end..];
    }
}
