"""WGS84 longitude and latitude to British National Grid easting and
northing, in Python for the tests, independently of PostGIS and PROJ:
the Ordnance Survey's "A guide to coordinate systems in Great Britain"
(the seven-parameter Helmert transformation from WGS84 to OSGB36, then the
Transverse Mercator projection on the Airy 1830 ellipsoid). That is the
transformation PostGIS's EPSG:27700 (+datum=OSGB36) makes too: on the City's
points the two agree to about a millimetre. (Against the Ordnance Survey's
own OSTN15 either is out by a few metres, which no test here depends on.)"""
import math


def _cartesian(lat, lon, a, b, h=0.0):
    e2 = 1 - (b * b) / (a * a)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    return ((nu + h) * math.cos(lat) * math.cos(lon),
            (nu + h) * math.cos(lat) * math.sin(lon),
            ((1 - e2) * nu + h) * math.sin(lat))


def _helmert_wgs84_to_osgb36(x, y, z):
    tx, ty, tz = -446.448, 125.157, -542.060
    s = 20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (-0.1502, -0.2470, -0.8421))
    return (tx + (1 + s) * x - rz * y + ry * z,
            ty + rz * x + (1 + s) * y - rx * z,
            tz - ry * x + rx * y + (1 + s) * z)


def _geodetic(x, y, z, a, b):
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1 - e2))
    for _ in range(20):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z + e2 * nu * math.sin(lat), p)
    return lat, math.atan2(y, x)


def to_bng(lon, lat):
    """(easting, northing) in metres of a WGS84 point."""
    x, y, z = _cartesian(math.radians(lat), math.radians(lon), 6378137.0, 6356752.314245)
    a, b = 6377563.396, 6356256.909
    phi, lam = _geodetic(*_helmert_wgs84_to_osgb36(x, y, z), a, b)
    f0, phi0, lam0, n0, e0 = 0.9996012717, math.radians(49), math.radians(-2), -100000, 400000
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    sin, cos, tan = math.sin(phi), math.cos(phi), math.tan(phi)
    nu = a * f0 / math.sqrt(1 - e2 * sin ** 2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin ** 2) ** 1.5
    eta2 = nu / rho - 1
    dp, sp = phi - phi0, phi + phi0
    m = b * f0 * ((1 + n + 5 / 4 * n ** 2 + 5 / 4 * n ** 3) * dp
                  - (3 * n + 3 * n ** 2 + 21 / 8 * n ** 3) * math.sin(dp) * math.cos(sp)
                  + (15 / 8 * n ** 2 + 15 / 8 * n ** 3) * math.sin(2 * dp) * math.cos(2 * sp)
                  - 35 / 24 * n ** 3 * math.sin(3 * dp) * math.cos(3 * sp))
    i = m + n0
    ii = nu / 2 * sin * cos
    iii = nu / 24 * sin * cos ** 3 * (5 - tan ** 2 + 9 * eta2)
    iiia = nu / 720 * sin * cos ** 5 * (61 - 58 * tan ** 2 + tan ** 4)
    iv = nu * cos
    v = nu / 6 * cos ** 3 * (nu / rho - tan ** 2)
    vi = nu / 120 * cos ** 5 * (5 - 18 * tan ** 2 + tan ** 4 + 14 * eta2 - 58 * tan ** 2 * eta2)
    dl = lam - lam0
    return (e0 + iv * dl + v * dl ** 3 + vi * dl ** 5,
            i + ii * dl ** 2 + iii * dl ** 4 + iiia * dl ** 6)


def square(lon, lat):
    """The 100 m square (south-west corner) a point falls in, and how far
    it is from the square's nearest edge, in metres."""
    e, n = to_bng(lon, lat)
    se, sn = int(math.floor(e / 100) * 100), int(math.floor(n / 100) * 100)
    edge = min(e - se, se + 100 - e, n - sn, sn + 100 - n)
    return (se, sn), edge
