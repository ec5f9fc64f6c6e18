import WhittleEngine

/// Every pass whittle has, in the order they run and are listed.
public enum PassCatalog {
    public static let all: [any Pass.Type] = [
        MergeRunsPass.self,
        CleanPackageCachePass.self,
        DependencyFirstCopyPass.self,
        InstallFlagsPass.self,
        CachePitfallsPass.self,
        ExecFormPass.self,
        SuggestSmallerBasePass.self,
        SplitStagesPass.self,
    ]

    public static func pass(id: String) -> (any Pass.Type)? { all.first { $0.id == id } }
}
