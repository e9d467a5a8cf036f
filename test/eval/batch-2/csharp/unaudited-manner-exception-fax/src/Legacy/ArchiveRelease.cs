namespace Legacy;

public class ArchiveRelease
{
    private readonly IFaxService _fax;

    public ArchiveRelease(IFaxService fax) => _fax = fax;

    public async Task ReleaseAsync(ArchiveRequest request)
    {
        // ehi-exception: manner
        //   reason: Scanned 1990s charts exist only as images; the requester was offered a PDF over Direct and chose fax
        //   requested: Direct secure message
        //   alternative: Fax of the scanned pages, agreed in writing with the requester
        //   owner: him-department
        //   review-by: 2027-08-31
        await _fax.SendAsync(request.FaxNumber, request.ScannedPages);
    }
}
