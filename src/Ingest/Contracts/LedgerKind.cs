namespace Analytics.Ingest.Contracts;

/// <summary>The ledgers (工作台账) the programme keeps, in the order they must load so references resolve.</summary>
public enum LedgerKind
{
    OrgUnits,
    Members,
    Activities,
    Attendance,
    Pledges,
    Publicity,
    Evaluations,
}
