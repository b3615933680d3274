"""Validate exported XML against XML Schemas on disk, with every import resolved locally (never the network).

Used by the tests with the reference schemas, and usable on any package: `validate_scorm(zip, schema_dir)`,
`validate_qti(zip, schema_dir)`, `validate_cc(imscc, schema_dir)` (CC 1.1: XSD, the Schematron rules embedded in
the XSDs, file lists and identifierrefs). Each returns a list of messages; empty means valid.
"""

from __future__ import annotations

import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

IMSCP_SCORM = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
IMSCP_V1P1 = "http://www.imsglobal.org/xsd/imscp_v1p1"


class _LocalOnly(etree.Resolver):
    """Refuses every URL that is not a local file, so that a schema import can never reach the network."""

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if url and "://" in url and not url.startswith("file:"):
            raise etree.XMLSchemaParseError(f"refusing to fetch {url}: schemas must be local")
        return None


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_LocalOnly())
    return parser


@cache
def load_schema(xsd: Path) -> etree.XMLSchema:
    """An XML Schema from a file; its imports and includes are found relative to it.

    Arguments:
        xsd: the main schema file.

    Returns:
        The compiled schema (cached per path).
    """
    document = etree.parse(str(xsd), _parser())
    return etree.XMLSchema(document)


def validate_xml(data: bytes, schema: etree.XMLSchema, name: str) -> list[str]:
    """Messages for every schema violation in `data` (empty when valid)."""
    try:
        document = etree.fromstring(data, _parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        return [f"{name}: not well-formed XML: {exc}"]
    if schema.validate(document):
        return []
    return [f"{name}:{error.line}: {error.message}" for error in schema.error_log]


def _as_namespace(data: bytes, old: str, new: str) -> bytes:
    """The same document with every element of namespace `old` moved to `new`."""
    root = etree.fromstring(data, _parser())
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(f"{{{old}}}"):
            element.tag = f"{{{new}}}{element.tag[len(old) + 2:]}"
    etree.cleanup_namespaces(root)
    return etree.tostring(root)


QTI_METADATA = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"


def _without_namespace(data: bytes, ns: str) -> bytes:
    """The same document without the elements of namespace `ns`, and without a `metadata` they leave empty."""
    root = etree.fromstring(data, _parser())
    for element in list(root.iter(f"{{{ns}}}*")):
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
            if len(parent) == 0 and etree.QName(parent).localname == "metadata" and parent.getparent() is not None:
                parent.getparent().remove(parent)
    etree.cleanup_namespaces(root)
    return etree.tostring(root)


def _listed_files(manifest: bytes) -> set[str]:
    root = etree.fromstring(manifest, _parser())
    return {element.get("href") for element in root.iter() if isinstance(element.tag, str)
            and etree.QName(element).localname == "file"}


def validate_scorm(package: Path, schema_dir: Path) -> list[str]:
    """Validate a SCORM 1.2 package: the manifest against the ADL schemas, and that it lists every file.

    Arguments:
        package: the zip.
        schema_dir: folder with `adlcp_rootv1p2.xsd`, `imscp_rootv1p1p2.xsd` and `ims_xml.xsd`.

    Returns:
        The problems found; empty when the package is valid.
    """
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        if "imsmanifest.xml" not in names:
            return [f"{package.name}: no imsmanifest.xml at the root"]
        manifest = archive.read("imsmanifest.xml")
    problems = validate_xml(manifest, load_schema(schema_dir / "adlcp_rootv1p2.xsd"), "imsmanifest.xml")
    listed = _listed_files(manifest)
    problems += [f"imsmanifest.xml: {name} is in the package but not in the manifest"
                 for name in sorted(names - listed - {"imsmanifest.xml"})]
    problems += [f"imsmanifest.xml: lists {name}, which is not in the package" for name in sorted(listed - names)]
    return problems


def validate_qti(package: Path, schema_dir: Path, cp_schema_dir: Path | None = None) -> list[str]:
    """Validate a QTI 2.1 package: every item and test against the QTI schema, and the manifest.

    Arguments:
        package: the zip.
        schema_dir: folder with `imsqti_v2p1p2.xsd` and the schemas it imports.
        cp_schema_dir: folder with `imscp_rootv1p1p2.xsd`; the manifest (namespace `imscp_v1p1`, the same
            structure) is checked against it when given.

    Returns:
        The problems found; empty when the package is valid.
    """
    qti = load_schema(schema_dir / "imsqti_v2p1p2.xsd")
    problems: list[str] = []
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        if "imsmanifest.xml" not in names:
            return [f"{package.name}: no imsmanifest.xml at the root"]
        manifest = archive.read("imsmanifest.xml")
        for name in sorted(names - {"imsmanifest.xml"}):
            if name.endswith(".xml"):
                problems += validate_xml(archive.read(name), qti, name)
    if cp_schema_dir is not None:
        # The QTI metadata schema (imsqti_metadata_v2p1) is not in the reference set, and the CP schema's wildcard
        # in <metadata> is strict: its elements are checked by the tests instead and left out here.
        manifest = _without_namespace(manifest, QTI_METADATA)
        problems += validate_xml(_as_namespace(manifest, IMSCP_V1P1, IMSCP_SCORM),
                                 load_schema(cp_schema_dir / "imscp_rootv1p1p2.xsd"), "imsmanifest.xml")
    listed = _listed_files(manifest)
    problems += [f"imsmanifest.xml: {name} is in the package but not in the manifest"
                 for name in sorted(names - listed - {"imsmanifest.xml"})]
    problems += [f"imsmanifest.xml: lists {name}, which is not in the package" for name in sorted(listed - names)]
    return problems


@cache
def load_schematron(xsd: Path) -> object:
    """The Schematron rules embedded in an XSD's `xs:appinfo` (Schematron 1.5 style, so no ISO schema check)."""
    from lxml import isoschematron

    return isoschematron.Schematron(etree.parse(str(xsd), _parser()), validate_schema=False, store_report=True)


def _schematron(data: bytes, xsd: Path, name: str) -> list[str]:
    rules = load_schematron(xsd)
    document = etree.fromstring(data, _parser()).getroottree()
    if rules.validate(document):  # type: ignore[attr-defined]
        return []
    report = rules.validation_report  # type: ignore[attr-defined]
    texts = report.xpath("//svrl:failed-assert/svrl:text/text()",
                         namespaces={"svrl": "http://purl.oclc.org/dsdl/svrl"})
    return [f"{name}: {' '.join(text.split())}" for text in texts] or [f"{name}: a Schematron rule fails"]


CC_MANIFEST_XSD = "ccv1p1_imscp_v1p2_v1p0.xsd"
CC_QTI_XSD = "ccv1p1_qtiasiv1p2p1_v1p0.xsd"


def validate_cc(package: Path, schema_dir: Path) -> list[str]:
    """Validate a Common Cartridge 1.1: manifest and every QTI file against the CC 1.1 schemas and their embedded
    Schematron rules, every listed file present, every file listed, every identifierref resolved.

    Arguments:
        package: the `.imscc`.
        schema_dir: folder with the CC 1.1 schemas (`ccv1p1_imscp_v1p2_v1p0.xsd` and the others).

    Returns:
        The problems found; empty when the cartridge is valid.
    """
    problems: list[str] = []
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        if "imsmanifest.xml" not in names:
            return [f"{package.name}: no imsmanifest.xml at the root"]
        manifest = archive.read("imsmanifest.xml")
        problems += validate_xml(manifest, load_schema(schema_dir / CC_MANIFEST_XSD), "imsmanifest.xml")
        problems += _schematron(manifest, schema_dir / CC_MANIFEST_XSD, "imsmanifest.xml")
        root = etree.fromstring(manifest, _parser())
        ns = {"cp": root.nsmap.get(None, "")}
        for resource in root.iterfind(".//cp:resource", ns):
            if resource.get("type", "").startswith("imsqti_xmlv1p2/"):
                for file in resource.iterfind("cp:file", ns):
                    href = file.get("href", "")
                    if href in names:
                        data = archive.read(href)
                        problems += validate_xml(data, load_schema(schema_dir / CC_QTI_XSD), href)
                        problems += _schematron(data, schema_dir / CC_QTI_XSD, href)
    identifiers = {element.get("identifier") for element in root.iter() if element.get("identifier")}
    for element in root.iter():
        ref = element.get("identifierref") if isinstance(element.tag, str) else None
        if ref and ref not in identifiers:
            problems.append(f"imsmanifest.xml: identifierref {ref} names nothing")
    listed = _listed_files(manifest)
    problems += [f"imsmanifest.xml: {name} is in the package but not in the manifest"
                 for name in sorted(names - listed - {"imsmanifest.xml"}) if not name.endswith("/")]
    problems += [f"imsmanifest.xml: lists {name}, which is not in the package" for name in sorted(listed - names)]
    return problems
