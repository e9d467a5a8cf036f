"""Staff administration screens (user accounts, roles)."""
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

User = get_user_model()


@login_required
def user_list(request):
    if not request.user.groups.filter(name="portal-administrators").exists():
        raise PermissionDenied
    users = User.objects.filter(is_staff=True).order_by("last_name")
    return render(request, "staff/user_list.html", {"users": users})


@login_required
def user_roles(request, user_id: int):
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    target = get_object_or_404(User, pk=user_id, is_staff=True)
    return render(request, "staff/user_roles.html", {"target": target, "groups": target.groups.all()})
