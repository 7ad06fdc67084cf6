namespace Analytics.Reports.Site;

/// <summary>The website's one stylesheet: readable on a phone and a desktop, no web fonts, contrast at least 4.5:1.</summary>
public static class SiteStyle
{
    public const string Css = """
        :root { --red: #B22222; --ink: #332B28; --muted: #5E5551; --rule: #DDD5D0; --paper: #FBF7F4; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; line-height: 1.6;
               font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
        a { color: var(--red); }
        a:focus, [tabindex]:focus { outline: 3px solid #1F4E79; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
        header.site { background: var(--red); color: #fff; padding: 12px 16px; }
        header.site p { margin: 0; font-size: 1.05rem; }
        header.site nav ul { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
        header.site nav a { color: #fff; }
        main { max-width: 960px; margin: 0 auto; padding: 8px 16px 32px; }
        h1 { font-size: 1.6rem; color: var(--red); margin: 16px 0 4px; }
        h2 { font-size: 1.25rem; color: var(--red); border-bottom: 2px solid var(--rule); padding-bottom: 4px; margin-top: 28px; }
        .asof, .note { color: var(--muted); font-size: .9rem; }
        ul.cards { list-style: none; padding: 0; margin: 12px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
        ul.cards li { background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
        ul.cards .label { display: block; font-size: .85rem; color: var(--muted); }
        ul.cards .value { display: block; font-size: 1.4rem; font-weight: 600; }
        figure { margin: 12px 0; }
        figure img { width: 100%; max-width: 560px; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: .85rem; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        caption { text-align: left; color: var(--muted); font-size: .85rem; padding: 4px 0; }
        th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px; text-align: left; }
        thead th { background: var(--paper); }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td[data-metric="grade"] { white-space: nowrap; }
        footer.site { border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; padding: 12px 16px 24px; max-width: 960px; margin: 0 auto; }
        @media (max-width: 600px) {
          h1 { font-size: 1.35rem; }
          table { font-size: .85rem; }
          th, td { padding: 5px 4px; }
        }
        """;
}
