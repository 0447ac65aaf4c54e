// Gen builds, checks and serves an enforcement timeline: the decisions of
// regulators and courts against one company or body, dated and sourced,
// in one or more languages.
//
// gen help lists the commands (build, check, serve, new, init), and
// gen COMMAND -h a command's flags.
//
// build writes the whole site to a new folder beside -out and swaps it in
// only when the build has succeeded: a failed or killed build leaves the
// previous output exactly as it was. check validates the content, the
// related chains and every same-site link and anchor without writing
// anything; -strict makes warnings errors; -external also asks every
// source URL whether it answers. serve builds in memory with drafts shown,
// watches content/, layouts/ and static/, and reloads the open pages after
// each rebuild; it shows content errors in the page. new scaffolds an
// event in both languages and never overwrites a file.
//
// Every content problem is printed as
//
//	content/events/x.md:LINE:COL: field: what is wrong; expected what is right
//
// Exit codes: 0 success, 1 content errors or a failed build, 2 usage errors.
//
// On Netlify (CONTEXT, URL, DEPLOY_PRIME_URL) the base URL and the preview
// marks follow the deploy context. SOURCE_DATE_EPOCH, when set, is "today";
// otherwise as_of in content/data/site.yaml is.
package main
