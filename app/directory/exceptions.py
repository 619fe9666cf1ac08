from app.errors import Conflict, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed


class OrganizationNotFound(NotFound):
    code = "organization_not_found"
    message = "No such organization."


class OrganizationExists(Conflict):
    code = "organization_exists"
    message = "An organization with this name already exists."


class DomainTaken(Conflict):
    code = "domain_taken"
    message = "A domain already belongs to another organization."


class ContactTaken(Conflict):
    code = "contact_taken"
    message = "A contact address already belongs to another organization."


class InvalidCsv(ValidationFailed):
    code = "invalid_csv"
    message = "The file is not a CSV this import can read."


class CsvTooLarge(PayloadTooLarge):
    code = "csv_too_large"
    message = "The CSV file is too large."


class UnsupportedImportType(UnsupportedMediaType):
    message = "Send the directory as CSV (text/csv) or XLSX, as the body or as the multipart form field 'file'."
