import Testing

/// What the owner of `logs/` plants at a name: each reaches outside the directory, blocks a reader, or is not a file.
enum PlantKind: String, CaseIterable, Sendable {
    case symlinkToVictim, symlinkToRootOnly, fifoWithoutWriter, directoryWithSymlink

    /// Shell, run as the owner in `logs/`, replacing `name` (with `$V` the victim, `$R` the root-only directory).
    func script(for name: String) -> String {
        let target = "'\(name)'"
        switch self {
        case .symlinkToVictim: return "rm -rf \(target); ln -s \"$V\" \(target)"
        case .symlinkToRootOnly: return "rm -rf \(target); ln -s \"$R\" \(target)"
        case .fifoWithoutWriter: return "rm -rf \(target); mkfifo \(target)"
        case .directoryWithSymlink: return "rm -rf \(target); mkdir \(target); ln -s \"$V\" \(target)/inside"
        }
    }
}

/// A block variant and the names its rotation of `app.log` touches, relative to `logs/`.
struct RotationVariant: Sendable {
    var label: String
    /// The block's directives; `{run}` stands for the fixture's `run/` directory.
    var directives: String
    var generations: [String]
    /// Shell run as the owner before planting: the variant's own setup (an `olddir`, a stray file).
    var setup = ""
    var touchedNames: [String]

    static let all: [RotationVariant] = [
        RotationVariant(
            label: "create",
            directives: "rotate 3\ncreate",
            generations: numbered(""),
            touchedNames: ["app.log", "app.log.1", "app.log.3", "app.log.4"]
        ),
        RotationVariant(
            label: "shred",
            directives: "rotate 3\nshred",
            generations: numbered(""),
            touchedNames: ["app.log.3", "app.log.4"]
        ),
        RotationVariant(
            label: "compress, shred",
            directives: "rotate 3\ncompress\nshred",
            generations: numbered(".gz"),
            touchedNames: ["app.log.1", "app.log.1.gz", "app.log.3.gz", "app.log.4.gz"]
        ),
        RotationVariant(
            label: "compress with a stray app.log.1",
            directives: "rotate 3\ncompress",
            generations: numbered(".gz"),
            setup: "echo stray > app.log.1",
            touchedNames: ["app.log.1-\(HostileFixture.hour).backup"]
        ),
        RotationVariant(
            label: "delaycompress",
            directives: "rotate 3\ncompress\ndelaycompress",
            generations: ["app.log.1", "app.log.2.gz", "app.log.3.gz"],
            touchedNames: ["app.log.1", "app.log.2.gz", "app.log.4.gz"]
        ),
        RotationVariant(
            label: "external compresscmd",
            directives: "rotate 3\ncompress\ndelaycompress\ncompresscmd {run}/compressor\ncompressext .cat",
            generations: ["app.log.1", "app.log.2.cat", "app.log.3.cat"],
            touchedNames: ["app.log.1", "app.log.2.cat"]
        ),
        RotationVariant(
            label: "copytruncate",
            directives: "rotate 3\ncopytruncate",
            generations: numbered(""),
            touchedNames: ["app.log", "app.log.1"]
        ),
        RotationVariant(
            label: "copytruncate with compress",
            directives: "rotate 3\ncopytruncate\ncompress",
            generations: numbered(".gz"),
            touchedNames: ["app.log.1", "app.log.1.gz"]
        ),
        RotationVariant(
            label: "copy",
            directives: "rotate 3\ncopy\ncompress",
            generations: numbered(".gz"),
            touchedNames: ["app.log", "app.log.1"]
        ),
        RotationVariant(
            label: "dateext, shred",
            directives: "rotate 3\ndateext\nshred",
            generations: ["app.log-20260112", "app.log-20260113", "app.log-20260114"],
            touchedNames: ["app.log-\(HostileFixture.day)", "app.log-20260112"]
        ),
        RotationVariant(
            label: "olddir, shred",
            directives: "rotate 3\nolddir old\nshred",
            generations: numbered(""),
            setup: "mkdir old; mv app.log.? old/",
            touchedNames: ["old/app.log.1", "old/app.log.4"]
        ),
        RotationVariant(
            label: "maxage, shred",
            directives: "rotate 9\nmaxage 30\nshred",
            generations: numbered(""),
            setup: "touch -d 2000-01-01 app.log.2",
            touchedNames: ["app.log.2"]
        ),
        RotationVariant(
            label: "mail",
            directives: "rotate 3\nmail admin@example.org",
            generations: numbered(""),
            touchedNames: ["app.log.3", "app.log.4"]
        ),
        RotationVariant(
            label: "mailfirst",
            directives: "rotate 3\nmail admin@example.org\nmailfirst",
            generations: numbered(""),
            touchedNames: ["app.log"]
        ),
    ]

    private static func numbered(_ suffix: String) -> [String] { (1...3).map { "app.log.\($0)\(suffix)" } }
}

/// One case: a variant, one of the names it touches, and what is planted there.
struct PlantedName: Sendable, CustomTestStringConvertible {
    var variant: RotationVariant
    var name: String
    var kind: PlantKind

    var testDescription: String { "\(variant.label): \(kind.rawValue) at \(name)" }

    /// `name`, and where shifting the generations moves it (`app.log.3.gz` to `app.log.4.gz`): a refusal may come
    /// before or after the shift, so it may name either.
    var namesBeforeAndAfterShift: [String] {
        guard let match = name.firstMatch(of: /\.log\.(\d)/), let generation = Int(match.1) else { return [name] }
        return [name, name.replacing(match.0, with: ".log.\(generation + 1)")]
    }

    static let all: [PlantedName] = RotationVariant.all.flatMap { variant in
        variant.touchedNames.flatMap { name in
            PlantKind.allCases.map { PlantedName(variant: variant, name: name, kind: $0) }
        }
    }
}
