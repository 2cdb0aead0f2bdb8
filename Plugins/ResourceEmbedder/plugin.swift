import Foundation
import PackagePlugin

/// Compiles text folders into the binary (`EmbeddedFiles.all`), so an installed `portal-admin`
/// needs no SQL or template files beside it.
@main
struct ResourceEmbedder: BuildToolPlugin {
    /// Which folder each target carries, relative to the package root.
    static let embeddedFolders = [
        "PGStore": "sql",
        "TenantPortal": "Sources/TenantPortal/Web/Resources",
    ]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let folder = Self.embeddedFolders[target.name] else { return [] }
        let root = context.package.directoryURL.appending(path: folder)
        let files = try Self.files(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder) into \(target.name)",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path(), root.path()] + files.map { $0.path() },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    static func files(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        return try walker.compactMap { $0 as? URL }
            .filter { try $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true }
            .sorted { $0.path() < $1.path() }
    }
}
