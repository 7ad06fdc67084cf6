namespace Analytics.Service;

/// <summary>
/// The website column (Analytics:Site). It is a 宣传 column: by default it shows the colleges' figures and each
/// branch's activity figures, not the grades and ranks of named branches, which belong in the college's own report.
/// </summary>
public sealed class SiteOptions
{
    /// <summary>Show each branch's composite score, grade and rank among peers on the college pages.</summary>
    public bool ShowBranchGrades { get; set; }
}
