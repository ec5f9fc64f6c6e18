/// The text of `whittle --help` and the version.
enum Help {
    static let version = "0.1.0"

    static let usageLine = "whittle [diff|fix|check|parse|rules|explain|verify|ci] [OPTIONS] PATH..."

    static let text = """
        whittle \(version): finds what makes a Docker image big or its build slow, and rewrites the
        Dockerfile. By default it prints the change as a unified diff and writes nothing.

        Usage: \(usageLine)

        Commands:
          diff PATH...        Print the unified diff of every file that would change (default).
          fix PATH...         Rewrite the files in place (atomic); --stdout prints instead.
          check PATH...       List findings; exit 1 when a fix would apply.
          parse PATH...       Show how whittle reads a file:
                                --json   BuildKit's view, one JSON object per file
                                --print  the file regenerated from the syntax tree
                                --shell  the commands of every RUN
          rules               List every pass with its id, fix safety and summary.
          explain ID          Print a pass's rationale, examples and fix safety.
          verify PATH         Build the file as it is and as rewritten (buildah, podman or
                              docker) and compare size, layers, build times and files.
          ci [PATH]           Print a CI build job with BuildKit cache export/import
                              (--provider github|gitlab, --cache gha|registry|inline|local).

        Options:
          -h, --help          Show this help (`whittle check --help` for a command's options).
          --version           Print the version.

        \(CommandOptions.optionsHelp)
        A folder is searched for Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile and
        *.containerfile. `-` reads standard input.

        Exit codes: 0 success, 1 changes pending (check), 2 a file could not be read or parsed,
        64 usage error. See Docs/CLI.md.

        """
}
